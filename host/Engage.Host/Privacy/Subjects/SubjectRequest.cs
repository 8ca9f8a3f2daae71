using Engage.Host.Privacy.Export;

namespace Engage.Host.Privacy.Subjects;

/// <summary>An export or erasure request as given (HTTP query, JSON body or command line), before it is checked.</summary>
/// <param name="Contacts">The contact ids as text, <c>5,9</c>.</param>
/// <param name="Format">Export only: <c>json</c> (default) or <c>csv</c>.</param>
/// <param name="Reason">Erasure only: why (a case or ticket number; never the person's name).</param>
internal sealed record SubjectRequest(string? Contacts, string? Format, string? Reason)
{
    public IReadOnlyList<long> ContactIds => ContactIdList.Parse(Contacts) ?? [];

    public SubjectFormat ExportFormat => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase) ? SubjectFormat.Csv : SubjectFormat.Json;
}
