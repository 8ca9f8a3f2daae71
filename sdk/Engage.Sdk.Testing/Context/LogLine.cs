using Microsoft.Extensions.Logging;

namespace Engage.Sdk.Testing.Context;

/// <summary>One logged line.</summary>
/// <param name="Level">Its level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception's full text, when one was logged.</param>
public sealed record LogLine(LogLevel Level, string Message, string? Exception);
