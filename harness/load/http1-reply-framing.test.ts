import { describe, expect, it } from 'vitest';
import { errorCode, parseReply, ReplyFormatError } from './http1-reply-framing.js';

const all = () => true;

describe('parseReply', () => {
  it('frames Content-Length replies and waits for the whole body', () => {
    const reply = Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 27\r\n\r\n{"__type":"NotFoundExcept"}');
    expect(parseReply(reply.subarray(0, 40), all)).toBeUndefined();
    expect(parseReply(reply.subarray(0, reply.length - 1), all)).toBeUndefined();
    const r = parseReply(Buffer.concat([reply, Buffer.from('HTTP/1.1 200 OK')]), all)!;
    expect(r.length).toBe(reply.length);
    expect(r.status).toBe(400);
    expect(r.close).toBe(false);
    expect(r.body!.toString()).toBe('{"__type":"NotFoundExcept"}');
  });

  it('decodes chunked bodies and sees Connection: close', () => {
    const body = '{"__type":"ThrottlingException","message":"slow down"}';
    const pieces = [body.slice(0, 5), body.slice(5, 21), body.slice(21)];
    const text = `HTTP/1.1 400 X\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${pieces.map((p) => `${p.length.toString(16)}\r\n${p}\r\n`).join('')}0\r\n\r\n`;
    const buf = Buffer.from(text);
    expect(parseReply(buf.subarray(0, buf.length - 2), all)).toBeUndefined();
    const r = parseReply(buf, all)!;
    expect(r.length).toBe(buf.length);
    expect(r.close).toBe(true);
    expect(errorCode(r)).toBe('ThrottlingException');
  });

  it('skips the body of success replies unless asked', () => {
    const r = parseReply(Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}'), (s) => s >= 300)!;
    expect(r.body).toBeUndefined();
    expect(r.status).toBe(200);
  });

  it('rejects replies it cannot frame', () => {
    expect(() => parseReply(Buffer.from('HTTP/1.1 200 OK\r\nx: y\r\n\r\n{}'), all)).toThrow(ReplyFormatError);
    expect(() => parseReply(Buffer.from('SSH-2.0\r\n\r\n'), all)).toThrow(ReplyFormatError);
  });
});

describe('errorCode', () => {
  const reply = (body: string, header?: string) => parseReply(Buffer.from(`HTTP/1.1 400 X\r\n${header ? `x-amzn-ErrorType: ${header}\r\n` : ''}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`), all)!;

  it('reads __type, without namespace or suffix', () => {
    expect(errorCode(reply('{"__type":"com.amazonaws.kms#ThrottlingException","message":"m"}'))).toBe('ThrottlingException');
    expect(errorCode(reply('{"__type":"KMSInvalidStateException:http://internal.amazon.com/","message":"m"}'))).toBe('KMSInvalidStateException');
  });

  it('goes by __type, not by words in the message', () => {
    expect(errorCode(reply('{"__type":"ValidationException","message":"this is not a ThrottlingException"}'))).toBe('ValidationException');
  });

  it('falls back to the x-amzn-ErrorType header, else nothing', () => {
    expect(errorCode(reply('<html>busy</html>', 'ThrottlingException:http://internal.amazon.com/coral/'))).toBe('ThrottlingException');
    expect(errorCode(reply('<html>busy</html>'))).toBeUndefined();
  });
});
