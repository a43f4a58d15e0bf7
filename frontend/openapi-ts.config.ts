import { defineConfig } from '@hey-api/openapi-ts';

// The API client is generated from the committed OpenAPI document; never edit src/client.
// `npm run client:check` regenerates into a temporary folder and fails on any difference.
export default defineConfig({
  input: process.env.ACCORD_OPENAPI ?? '../openapi/openapi.json',
  output: { path: process.env.ACCORD_CLIENT_OUT ?? 'src/client' },
  plugins: ['@hey-api/client-fetch', { name: '@hey-api/typescript', enums: 'javascript' }, '@hey-api/sdk'],
});
