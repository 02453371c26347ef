module.exports = require("./temp-global").setup;
