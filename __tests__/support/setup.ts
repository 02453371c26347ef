// cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, toBeValidTerraform...).
import { Testing } from "cdktf";
Testing.setupJest();

// The one-line "Node N is past its end of life" notice is printed once per command; tests that compare a command's
// exact output run with it already noted (__tests__/app-launcher.test.ts checks the notice itself).
process.env.GENESYS_OAUTH_EOL_NOTED ??= "1";
