// Regenerates golden/<example>/ from examples/<example>/ with the real CLI. Review the diff like code.
// Usage: npm run golden            (all examples)
//        npm run golden -- minimal (one example)
import fs from "node:fs";
import { main } from "../dist/cli.js";

const wanted = process.argv.slice(2);
const examples = fs.readdirSync("examples").filter((name) => fs.existsSync(`examples/${name}/moncc.config.ts`));
let failed = 0;
for (const example of examples.filter((name) => wanted.length === 0 || wanted.includes(name))) {
  const code = await main(["build", `examples/${example}`, "--out", `golden/${example}`]);
  if (code !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
