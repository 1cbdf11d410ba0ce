/** The metadata key that names a field's type in the docs when "string" would say too little. */

/** Set with `.meta({ [DOC_TYPE]: 'duration' })`; it appears in the JSON Schema the docs read. */
export const DOC_TYPE = 'x-faultline-type';
