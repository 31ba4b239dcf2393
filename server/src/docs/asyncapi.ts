export function asyncApiDocument(): unknown {
  return {};
}
