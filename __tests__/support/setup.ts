// cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, toBeValidTerraform...).
import { Testing } from "cdktf";
Testing.setupJest();

// The one-line "Node N is past its end of life" notice is printed once per command; tests that compare a command's
// exact output run with it already noted (__tests__/app-launcher.test.ts checks the notice itself).
process.env.GENESYS_OAUTH_EOL_NOTED ??= "1";
// The tests' own AWS SDK clients (fixtures, stand-in callers) would print the SDK's multi-line Node-version notice on
// Node 20; the commands under test switch it off themselves (guard/commands/runtime-notices.ts).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
