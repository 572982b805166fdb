/**
 * NOT AWS BEHAVIOUR — a convenience other emulators offer (LocalStack): CreateKey tags that pin
 * the new key's id and material instead of being stored as tags.
 *
 * - `_custom_id_`: the key id (a UUID, or `mrk-` and 32 hex digits). An id already in use is
 *   refused with `AlreadyExistsException`.
 * - `_custom_key_material_`: the backing key, base64: 32 bytes for SYMMETRIC_DEFAULT, the spec's
 *   length for HMAC keys. Ciphertext made elsewhere with the same material and key id decrypts.
 *
 * The two tags are taken out of the key's tags. With `kmsbench serve --strict-aws` none of this
 * happens: they are ordinary tags, as on AWS.
 *
 * @module
 */
import { ValidationException } from '../errors.js';
import type { Tag } from '../records/key-records.js';
import { givenMaterialLength } from '../hsm/key-specs.js';
import { isKeyId } from '../keys/key-ref.js';

export const CUSTOM_ID_TAG = '_custom_id_';
export const CUSTOM_MATERIAL_TAG = '_custom_key_material_';


export interface CustomKeyTags {
  keyId?: string;
  material?: Buffer;
  /** The tags without the two custom ones. */
  tags: Tag[];
}

/** Takes the custom tags out of `tags`; the others are returned unchanged. */
export function takeCustomKeyTags(tags: readonly Tag[], keySpec: string): CustomKeyTags {
  const out: CustomKeyTags = { tags: tags.filter((t) => t.TagKey !== CUSTOM_ID_TAG && t.TagKey !== CUSTOM_MATERIAL_TAG) };
  const id = tags.find((t) => t.TagKey === CUSTOM_ID_TAG)?.TagValue;
  if (id !== undefined) {
    if (!isKeyId(id)) throw new ValidationException(`Tag ${CUSTOM_ID_TAG} must be a key id: a UUID in lower case, or mrk- and 32 hex digits (kmsbench extension).`);
    out.keyId = id;
  }
  const material = tags.find((t) => t.TagKey === CUSTOM_MATERIAL_TAG)?.TagValue;
  if (material !== undefined) {
    const bytes = givenMaterialLength(keySpec);
    if (bytes === undefined) throw new ValidationException(`Tag ${CUSTOM_MATERIAL_TAG} is not supported for KeySpec ${keySpec} (kmsbench extension).`);
    const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(material) && material.length % 4 === 0 ? Buffer.from(material, 'base64') : undefined;
    if (decoded?.length !== bytes) throw new ValidationException(`Tag ${CUSTOM_MATERIAL_TAG} must be ${bytes} bytes in base64 for KeySpec ${keySpec} (kmsbench extension).`);
    out.material = decoded;
  }
  return out;
}
