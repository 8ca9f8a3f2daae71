using Engage.Sdk.Items;

namespace Engage.Sdk.Connectors;

/// <summary>Reads an export file uploaded by a person.</summary>
public interface IImportSession : IConnectorSession
{
    /// <summary>Reads the file as a sequence of batches; the host stores each in its own transaction.</summary>
    /// <param name="file">The uploaded file.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    IAsyncEnumerable<SyncBatch> ImportAsync(ImportFile file, CancellationToken cancellationToken);
}

/// <summary>An uploaded export file.</summary>
/// <param name="FileName">The name it was uploaded with (untrusted: use it for messages only).</param>
/// <param name="ContentType">The declared content type (untrusted).</param>
/// <param name="Open">Opens the content for reading; each call returns a new stream from the start.</param>
public sealed record ImportFile(string FileName, string? ContentType, Func<Stream> Open);
