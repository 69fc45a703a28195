export { verifySignature, signatureHeader, SIGNATURE_HEADER } from './deliveries';
