/**
 * The floor of bench/synth.mjs: an empty cdktf app (one stack, nothing in it), run the way cdktf.json runs ours
 * (`node --import tsx`). What any cdktf app pays before its own constructs: Node, tsx, cdktf and constructs.
 */
import { App, TerraformStack } from 'cdktf';

const app = new App();
new TerraformStack(app, 'empty');
app.synth();
