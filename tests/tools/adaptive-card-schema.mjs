// A strict JSON Schema (draft-07) for the Adaptive Card 1.5 elements and actions FocusBot sends, written from the facts
// of Microsoft's published 1.5 schema (adaptivecards.io/schemas/1.5.0/adaptive-card.json): the same property names,
// types, required fields and enum values, and, like it, no property that 1.5 does not define.
//
// Why our own: the schema that the adaptivecards-designer npm package ships (lib/adaptive-card-schema.js) is a
// pre-1.2 schema (no Action.Execute, no ActionSet, lower-case-only enums, additionalProperties true everywhere), so it
// rejects valid 1.5 cards and misses real mistakes. Differences from the published 1.5 schema, on purpose:
// - only the element and action types FocusBot's card model has; another type fails here until it is added below;
// - Teams' `msteams` property is allowed on the root card and nowhere else (Teams reads it only there);
// - enum patterns are anchored as a whole (the published `^(a)|(b)$` also matches "bXYZ");
// - the root card must declare a version between 1.0 and 1.5 (Teams renders up to 1.5 in bot messages).
// Element and action lists dispatch on `type` (Ajv's discriminator), so an error names the one element at fault.

/** A string matched case-insensitively against `words`, as Adaptive Card hosts parse enums. */
function anyCase(...words) {
  const letters = (word) =>
    [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.]/g, "\\."))).join("");
  // `anyCaseOf` only feeds the error message (see validate-card.mjs); validators ignore unknown keywords.
  return { type: "string", pattern: `^(?:${words.map(letters).join("|")})$`, anyCaseOf: words };
}

const string = { type: "string" };
const boolean = { type: "boolean" };
const number = { type: "number" };
const uriReference = { type: "string", format: "uri-reference" };
const stringOrObject = { type: ["string", "object"] };
const ref = (name) => ({ $ref: `#/definitions/${name}` });

const spacing = anyCase("default", "none", "small", "medium", "large", "extraLarge", "padding");
const containerStyle = anyCase("default", "emphasis", "good", "attention", "warning", "accent");
const horizontalAlignment = anyCase("left", "center", "right");
const verticalAlignment = anyCase("top", "center", "bottom");
const requires = { type: "object", additionalProperties: string };

/** An object with exactly these properties: a typo or a property from a later version is an error. */
function strict(properties, required = []) {
  return { type: "object", properties, required, additionalProperties: false };
}

/** A body element: its own properties plus those every 1.5 element has. */
function element(type, properties, required = []) {
  return strict(
    {
      type: { const: type },
      id: string,
      isVisible: boolean,
      requires,
      separator: boolean,
      spacing,
      height: anyCase("auto", "stretch"),
      fallback: { anyOf: [ref("Element"), anyCase("drop")] },
      ...properties,
    },
    ["type", ...required],
  );
}

/** An input: an element that must have an id, and may have a label and validation. */
function input(type, properties, required = []) {
  return element(
    type,
    { label: string, isRequired: boolean, errorMessage: string, ...properties },
    ["id", ...required],
  );
}

/** An action: its own properties plus those every 1.5 action has. */
function action(type, properties, required = []) {
  return strict(
    {
      type: { const: type },
      title: string,
      id: string,
      iconUrl: uriReference,
      style: anyCase("default", "positive", "destructive"),
      tooltip: string,
      isEnabled: boolean,
      mode: anyCase("primary", "secondary"),
      requires,
      fallback: { anyOf: [ref("Action"), anyCase("drop")] },
      ...properties,
    },
    ["type", ...required],
  );
}

/** A list that dispatches on `type` to one of the named definitions. */
function oneOfType(names) {
  return { type: "object", discriminator: { propertyName: "type" }, required: ["type"], oneOf: names.map(ref) };
}

const elementTypes = ["TextBlock", "Container", "ColumnSet", "FactSet", "ActionSet", "Input.Text", "Input.ChoiceSet", "Input.Toggle", "Input.Date", "Input.Time"];
const actionTypes = ["Action.Execute", "Action.Submit", "Action.OpenUrl", "Action.ShowCard"];
const selectActionTypes = ["Action.Execute", "Action.Submit", "Action.OpenUrl"];

const backgroundImage = {
  anyOf: [
    strict(
      {
        type: { const: "BackgroundImage" },
        url: uriReference,
        fillMode: anyCase("cover", "repeatHorizontally", "repeatVertically", "repeat"),
        horizontalAlignment,
        verticalAlignment,
      },
      ["url"],
    ),
    uriReference,
  ],
};

/** Properties of any card, root or nested in Action.ShowCard. */
const cardProperties = {
  type: { const: "AdaptiveCard" },
  $schema: { type: "string", format: "uri" },
  version: string,
  body: { type: "array", items: ref("Element") },
  actions: { type: "array", items: ref("Action") },
  selectAction: ref("SelectAction"),
  fallbackText: string,
  speak: string,
  lang: string,
  minHeight: string,
  rtl: boolean,
  verticalContentAlignment: verticalAlignment,
  backgroundImage,
  refresh: strict({ type: { const: "Refresh" }, action: ref("Action.Execute"), userIds: { type: "array", items: string } }),
};

const teamsCardProperties = strict({
  width: anyCase("Full"),
  entities: {
    type: "array",
    items: strict(
      { type: { const: "mention" }, text: string, mentioned: strict({ id: string, name: string }, ["id", "name"]) },
      ["type", "text", "mentioned"],
    ),
  },
});

export const adaptiveCardSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://focusbot.invalid/schemas/adaptive-card-1.5-focusbot.json",
  title: "Adaptive Card 1.5 as FocusBot sends it to Teams",
  ...strict(
    { ...cardProperties, version: anyCase("1.0", "1.1", "1.2", "1.3", "1.4", "1.5"), msteams: teamsCardProperties },
    ["type", "version"],
  ),
  definitions: {
    NestedCard: strict(cardProperties, ["type"]),
    Element: oneOfType(elementTypes),
    Action: oneOfType(actionTypes),
    SelectAction: oneOfType(selectActionTypes),

    TextBlock: element(
      "TextBlock",
      {
        text: string,
        wrap: boolean,
        size: anyCase("default", "small", "medium", "large", "extraLarge"),
        weight: anyCase("default", "lighter", "bolder"),
        color: anyCase("default", "dark", "light", "accent", "good", "warning", "attention"),
        isSubtle: boolean,
        maxLines: number,
        fontType: anyCase("default", "monospace"),
        horizontalAlignment,
        style: anyCase("default", "heading"),
      },
      ["text"],
    ),
    Container: element(
      "Container",
      {
        items: { type: "array", items: ref("Element") },
        style: containerStyle,
        bleed: boolean,
        selectAction: ref("SelectAction"),
        verticalContentAlignment: verticalAlignment,
        backgroundImage,
        minHeight: string,
        rtl: boolean,
      },
      ["items"],
    ),
    ColumnSet: element("ColumnSet", {
      columns: { type: "array", items: ref("Column") },
      style: containerStyle,
      bleed: boolean,
      selectAction: ref("SelectAction"),
      minHeight: string,
      horizontalAlignment,
    }),
    // A column is not a body element: its type is optional and its fallback can only be another column.
    Column: strict({
      type: { const: "Column" },
      id: string,
      isVisible: boolean,
      requires,
      separator: boolean,
      spacing,
      items: { type: "array", items: ref("Element") },
      width: { type: ["string", "number"] },
      style: containerStyle,
      bleed: boolean,
      selectAction: ref("SelectAction"),
      verticalContentAlignment: verticalAlignment,
      backgroundImage,
      minHeight: string,
      rtl: boolean,
      fallback: { anyOf: [ref("Column"), anyCase("drop")] },
    }),
    FactSet: element(
      "FactSet",
      { facts: { type: "array", items: strict({ type: { const: "Fact" }, title: string, value: string }, ["title", "value"]) } },
      ["facts"],
    ),
    ActionSet: element("ActionSet", { actions: { type: "array", items: ref("Action") } }, ["actions"]),
    "Input.Text": input("Input.Text", {
      value: string,
      placeholder: string,
      isMultiline: boolean,
      maxLength: number,
      regex: string,
      style: anyCase("text", "tel", "url", "email", "password"),
      inlineAction: ref("SelectAction"),
    }),
    "Input.ChoiceSet": input("Input.ChoiceSet", {
      choices: { type: "array", items: strict({ type: { const: "Input.Choice" }, title: string, value: string }, ["title", "value"]) },
      value: string,
      placeholder: string,
      style: anyCase("compact", "expanded"),
      isMultiSelect: boolean,
      wrap: boolean,
    }),
    "Input.Toggle": input(
      "Input.Toggle",
      { title: string, value: string, valueOn: string, valueOff: string, wrap: boolean },
      ["title"],
    ),
    "Input.Date": input("Input.Date", { value: string, placeholder: string, min: string, max: string }),
    "Input.Time": input("Input.Time", { value: string, placeholder: string, min: string, max: string }),

    "Action.Execute": action("Action.Execute", { verb: string, data: stringOrObject, associatedInputs: anyCase("Auto", "None") }),
    "Action.Submit": action("Action.Submit", { data: stringOrObject, associatedInputs: anyCase("Auto", "None") }),
    "Action.OpenUrl": action("Action.OpenUrl", { url: uriReference }, ["url"]),
    "Action.ShowCard": action("Action.ShowCard", { card: ref("NestedCard") }),
  },
};
