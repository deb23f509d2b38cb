// Worker bootstrap for the pool: registers tsx in this thread, then serves processInput.
import { register } from 'tsx/esm/api';

register();
const { processInput } = await import('./process-input.ts');

export default processInput;
