// ESLint for the site's own scripts (docs/assets/js): the recommended rules,
// browser globals, classic scripts (no modules: Material loads them as-is).
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["docs/assets/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      // A named catch binding says what failed; many catches only swallow it.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
];
