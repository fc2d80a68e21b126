#!/usr/bin/env node
// Validates a JSON file against a draft-04 JSON Schema (the Teams app manifest schemas are draft-04) and prints
// one line per error. Exit codes: 0 valid, 1 invalid, 2 usage or unreadable input.
//
//   node tests/tools/validate-json-schema.js <schema.json> <document.json>
//
// Set up like the Microsoft 365 Agents Toolkit's own manifest check (@microsoft/app-manifest): ajv-draft-04 with
// allErrors and strictTypes off. ajv-formats is not one of our direct dependencies, so the formats those schemas use
// ("uri", plus "email" and "regex" which the Toolkit also registers) are defined here; any other format makes the
// compile fail loudly instead of being skipped silently.
"use strict";

const fs = require("fs");
const Ajv04 = require("ajv-draft-04");

function fail(message) {
  process.stderr.write(message + "\n");
  process.exit(2);
}

const [schemaPath, documentPath] = process.argv.slice(2);
if (!schemaPath || !documentPath) {
  fail("usage: node validate-json-schema.js <schema.json> <document.json>");
}

function readJson(path) {
  try {
    // Strip a UTF-8 byte order mark: some editors add one and JSON.parse rejects it.
    return JSON.parse(fs.readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail(`cannot read ${path}: ${error.message}`);
  }
}

const schema = readJson(schemaPath);
const document = readJson(documentPath);

const ajv = new Ajv04({ allErrors: true, strictTypes: false });
ajv.addFormat("uri", (value) => {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
});
ajv.addFormat("email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
ajv.addFormat("regex", (value) => {
  try {
    new RegExp(value, "u");
    return true;
  } catch {
    return false;
  }
});

let validate;
try {
  validate = ajv.compile(schema);
} catch (error) {
  fail(`cannot compile ${schemaPath}: ${error.message}`);
}

if (validate(document)) {
  process.stdout.write("valid\n");
  process.exit(0);
}

for (const error of validate.errors) {
  process.stdout.write(`${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}\n`);
}
process.exit(1);
