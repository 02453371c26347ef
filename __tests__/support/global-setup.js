// The run's temp folder, then Node 22 for the tests that run CDK Terrain (installed once here, before the workers
// start, so two test files never install it at the same time).
const temp = require("./temp-global");
const { node22 } = require("../../scripts/node22");

module.exports = async function globalSetup() {
  await temp.setup();
  node22();
};
