// `run` for C# (dotnetcore3.1, spec §1.7). FC runs the published assembly on .NET Core; without the
// `dotnet` host there is nothing faithful to run it with (mono is not .NET Core), so run says what
// to install. Hosting the assembly when dotnet is present is not built yet, and run says that too.
import { requireTool } from '../../run/child.ts';
import { RunSetupError, type Runner } from '../../run/types.ts';

export const dotnetRunner: Runner = {
  async prepare(target) {
    requireTool('dotnet', 'the .NET SDK (https://dotnet.microsoft.com/download)');
    throw new RunSetupError(`run cannot host ${target.resource.runtime} assemblies yet: use the generated test (dotnet test)`);
  },
  async start() {
    throw new RunSetupError('run cannot host .NET assemblies yet');
  },
};
