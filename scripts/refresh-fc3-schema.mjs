// Refreshes test/fixtures/fc3-schema/ from the fc3 component's repository (devsapp/fc3): schema.json
// and LICENSE at the given commit or branch (default master), and the commit line of its README.md,
// so the vendored copy always says where it came from. Usage: node scripts/refresh-fc3-schema.mjs [ref]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = 'devsapp/fc3';
const dir = fileURLToPath(new URL('../test/fixtures/fc3-schema/', import.meta.url));
const ref = process.argv[2] ?? 'master';

async function get(url, accept) {
  const response = await fetch(url, { headers: { accept, 'user-agent': 'create-fc-lifecycle' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

const commit = JSON.parse(await get(`https://api.github.com/repos/${REPO}/commits/${ref}`, 'application/vnd.github+json'));
const sha = commit.sha;
const date = commit.commit.committer.date.slice(0, 10);
const schema = await get(`https://raw.githubusercontent.com/${REPO}/${sha}/src/schema.json`, 'application/json');
JSON.parse(schema); // refuse to vendor something that is not JSON
writeFileSync(`${dir}schema.json`, schema);
writeFileSync(`${dir}LICENSE`, await get(`https://raw.githubusercontent.com/${REPO}/${sha}/LICENSE`, 'text/plain'));
const readme = readFileSync(`${dir}README.md`, 'utf8').replace(/^- commit: .*$/m, `- commit: ${sha} (${date})`);
writeFileSync(`${dir}README.md`, readme);
console.log(`fc3 schema at ${sha} (${date}) written to ${dir}`);
