// Runtime schemas (TypeBox) for the server and the simulators. Kept out of the main entry so the
// screen, which needs only the types, does not bundle a schema library.
export * from './categories/rain-gauge.schema.ts';
