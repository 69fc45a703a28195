import { policyCertificates } from './cadre-certificates';

describe('policyCertificates', () => {
  it("REC-8 maps the service's social-worker certificates onto the policy's ladder and keeps others", () => {
    expect(policyCertificates(['assistant-social-worker', 'social-worker', 'senior-social-worker', 'psychological-counsellor'])).toEqual([
      'junior-social-worker',
      'intermediate-social-worker',
      'senior-social-worker',
      'psychological-counsellor',
    ]);
  });
});
