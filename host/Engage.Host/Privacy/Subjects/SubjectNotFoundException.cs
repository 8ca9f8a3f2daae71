namespace Engage.Host.Privacy.Subjects;

/// <summary>A contact that does not exist or that the caller may not see (both answer 404, so existence does not leak).</summary>
internal sealed class SubjectNotFoundException(long contactId)
    : KeyNotFoundException($"There is no contact {contactId}. Look the person up in /odata/Contacts (filter on Handle or DisplayName) and use the Id column.")
{
    public long ContactId { get; } = contactId;
}
