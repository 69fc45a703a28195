import { ValidateBy, type ValidationOptions } from 'class-validator';
import { checkNationalId } from '@cwp/policy';

/** GB 11643 identity number, checked by @cwp/policy; the message never repeats the number. */
export function IsNationalId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNationalId',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkNationalId(value, new Date()).valid,
        defaultMessage: (args) => {
          const value = args?.value;
          if (typeof value !== 'string') return 'nationalId must be a string';
          const check = checkNationalId(value, new Date());
          return check.valid ? 'nationalId is valid' : check.message;
        },
      },
    },
    options,
  );
}
