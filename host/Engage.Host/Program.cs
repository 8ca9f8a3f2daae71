using Engage.Host.Hosting;
using Engage.Host.Operator;

if (OperatorCommands.IsVerb(args))
{
    return await OperatorCommands.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, CancellationToken.None);
}

var app = EngageApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point. Public only so that in-process HTTP tests (WebApplicationFactory) can start the host.</summary>
public sealed partial class Program;
