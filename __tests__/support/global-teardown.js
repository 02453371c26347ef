module.exports = require("./temp-global").teardown;
