#!/usr/bin/env node
// Checks Adaptive Cards the way Teams will meet them, and prints one line per problem:
//   <card>: schema: ...    the Adaptive Card 1.5 JSON Schema (adaptive-card-schema.mjs beside this file, or --schema)
//   <card>: renderer: ...  Microsoft's `adaptivecards` renderer (the one Teams' web client and the Agents Playground
//                          use): every parse event and every validation event, at the card's own version
//   <card>: size: ...      Teams refuses a card over 28 KB
// then a last line `checked N card(s), M problem(s)`. Exit codes: 0 all valid, 1 some problem, 2 usage error.
//
//   node tests/tools/validate-card.mjs card1.json card2.json ...
//   node tests/tools/validate-card.mjs < card.json          (or `-` as a file name)
//   node tests/tools/validate-card.mjs --schema other-schema.json card.json
//
// A card is named by its file name without the folder, so callers can name temp files after their cards.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createRequire } from "node:module";
import { adaptiveCardSchema } from "./adaptive-card-schema.mjs";

const require = createRequire(import.meta.url);
// The package's `lib/` is extension-less ESM that node cannot load; `dist/` is the UMD build, which parses without a DOM.
const AC = require("adaptivecards/dist/adaptivecards.js");

export const MaxCardBytes = 28 * 1024;

function usage(message) {
  process.stderr.write(`${message}\nusage: node validate-card.mjs [--schema schema.json] [card.json ... | - ]\n`);
  process.exit(2);
}

/** Picks the Ajv class that speaks the schema's draft (Ajv's default class is draft-07 and can load draft-06). */
function createAjv(schema) {
  const draft = String(schema.$schema ?? "http://json-schema.org/draft-07/schema#");
  // verbose: errors carry their schema, so an enum written as a pattern can be reported as its words.
  const options = { allErrors: true, strict: false, discriminator: true, verbose: true };
  if (draft.includes("draft-04")) return new (require("ajv-draft-04"))({ ...options, discriminator: false });
  if (draft.includes("2020-12")) return new (require("ajv/dist/2020").default)(options);
  if (draft.includes("2019-09")) return new (require("ajv/dist/2019").default)(options);
  const ajv = new (require("ajv").default)(options);
  if (draft.includes("draft-06")) {
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
    // Microsoft's published card schemas say draft-06 but name themselves with draft-04's `id`, which Ajv 8 refuses.
    if (schema.id !== undefined && schema.$id === undefined) {
      schema.$id = schema.id;
      delete schema.id;
    }
  }
  return ajv;
}

/** The two URI formats card schemas use; ajv-formats is not one of our direct npm dependencies. */
function addFormats(ajv) {
  const isUri = (value) => {
    try {
      return new URL(value).protocol.length > 1;
    } catch {
      return false;
    }
  };
  ajv.addFormat("uri", isUri);
  ajv.addFormat("uri-reference", (value) => isUri(value) || !/[\s<>"{}|\\^`]/.test(value));
  return ajv;
}

function schemaProblems(validate, card) {
  if (validate(card)) return [];
  return validate.errors.map((error) => {
    const where = error.instancePath || "/";
    const words = error.keyword === "pattern" ? error.parentSchema?.anyCaseOf : undefined;
    if (words) return `schema: ${where} must be one of ${words.join(", ")} (any case), not ${JSON.stringify(error.data)}`;
    const extra = error.params?.additionalProperty ?? error.params?.missingProperty ?? error.params?.allowedValue ?? error.params?.tagValue;
    return `schema: ${where} ${error.message}${extra === undefined ? "" : ` (${JSON.stringify(extra)})`}`;
  });
}

/** Parses at the card's declared version, so a property from a later version is reported, not silently dropped. */
function rendererProblems(card) {
  const declared = Object.values(AC.Versions).find((v) => v.toString() === String(card?.version));
  const context = new AC.SerializationContext(declared ?? AC.Versions.latest);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`renderer: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`renderer: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

function readCards(paths) {
  if (paths.length === 0) paths = ["-"];
  return paths.map((path) => {
    const name = path === "-" ? "<stdin>" : basename(path);
    try {
      return { name, bytes: readFileSync(path === "-" ? 0 : path) };
    } catch (error) {
      return usage(`cannot read ${path}: ${error.message}`);
    }
  });
}

function check({ bytes }, validate) {
  // A UTF-8 byte order mark is not part of the JSON; some editors add one.
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  let card;
  try {
    card = JSON.parse(text);
  } catch (error) {
    return [`json: ${error.message}`];
  }
  const problems = [...schemaProblems(validate, card), ...rendererProblems(card)];
  const size = Buffer.byteLength(text, "utf8");
  if (size > MaxCardBytes) problems.push(`size: ${size} bytes, over the ${MaxCardBytes}-byte (28 KB) Teams limit`);
  return problems;
}

const args = process.argv.slice(2);
let schema = adaptiveCardSchema;
const schemaFlag = args.indexOf("--schema");
if (schemaFlag >= 0) {
  const schemaPath = args[schemaFlag + 1] ?? usage("--schema needs a file");
  args.splice(schemaFlag, 2);
  try {
    schema = JSON.parse(readFileSync(schemaPath, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    usage(`cannot read schema ${schemaPath}: ${error.message}`);
  }
}

let validate;
try {
  validate = addFormats(createAjv(schema)).compile(schema);
} catch (error) {
  usage(`cannot compile the schema: ${error.message}`);
}

let problemCount = 0;
const cards = readCards(args);
for (const card of cards) {
  for (const problem of check(card, validate)) {
    problemCount++;
    process.stdout.write(`${card.name}: ${problem}\n`);
  }
}
process.stdout.write(`checked ${cards.length} card(s), ${problemCount} problem(s)\n`);
process.exit(problemCount === 0 ? 0 : 1);
