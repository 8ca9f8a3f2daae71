using Engage.Host.Hosting;

var app = EngageApp.Build(args);
await app.RunAsync();

/// <summary>The entry point; visible to the tests' WebApplicationFactory.</summary>
internal sealed partial class Program;
