// ESLint for the site's own scripts (docs/assets/js): the recommended rules,
// browser globals, classic scripts (no modules: Material loads them as-is);
// and for the build's one Node script (finishing/*.cjs).
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
  {
    files: ["finishing/**/*.cjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
];
