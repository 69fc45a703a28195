import { ErrorCode } from '@cwp/platform';
import { postForRole } from './post';

describe('post of a role (POST-1, POST-2)', () => {
  it('derives the category and the specialist/supervisor refinement from the role', () => {
    expect(postForRole('staff')).toEqual({ postCategory: 'staff', postRole: null });
    expect(postForRole('specialist')).toEqual({ postCategory: 'staff', postRole: 'specialist' });
    expect(postForRole('supervisor')).toEqual({ postCategory: 'staff', postRole: 'supervisor' });
    expect(postForRole('manager', 'manager', 'administrative-manager')).toEqual({
      postCategory: 'manager',
      postRole: 'administrative-manager',
    });
    expect(postForRole('head')).toEqual({ postCategory: 'head', postRole: null });
  });

  it('POST-2 refuses a category that does not fit the role, naming postCategory', () => {
    expect(() => postForRole('head', 'staff')).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED, field: 'postCategory' }),
    );
  });

  it('POST-2 refuses a refinement of another role, naming postRole', () => {
    expect(() => postForRole('staff', undefined, 'business-manager')).toThrow(expect.objectContaining({ field: 'postRole' }));
    expect(() => postForRole('manager', undefined, 'specialist')).toThrow(expect.objectContaining({ field: 'postRole' }));
  });
});
