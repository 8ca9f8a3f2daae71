using Engage.Host.Hosting;

var app = EngageApp.Build(args);
await app.RunAsync();

/// <summary>The entry point. Public only so that in-process HTTP tests (WebApplicationFactory) can start the host.</summary>
public sealed partial class Program;
