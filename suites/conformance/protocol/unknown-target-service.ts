import { unknownOperationCase } from './_replies.js';

export default unknownOperationCase(
  {
    behaviour: 'unknown-target-service',
    title: 'A signed call whose X-Amz-Target names another service prefix is refused with UnknownOperationException',
  },
  (t) => t.raw('ListKeys', {}, { target: 'KmsbenchNoSuchService.ListKeys' }),
);
