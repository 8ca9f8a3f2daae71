namespace Engage.Host.Privacy.Erasure;

/// <summary>
/// The reason of an erasure goes into the audit trail, which cannot be edited: it must not name the person being
/// erased. A reason that contains the contact's handle, display name or network id is refused before anything changes.
/// </summary>
internal static class ReasonCheck
{
    public static void EnsureNotPersonal(string reason, IEnumerable<ErasedRow> contacts)
    {
        foreach (var contact in contacts)
        {
            var identifiers = (contact.Names ?? string.Empty).Split('\n').Append(contact.ExternalId)
                .Select(i => i.Trim().TrimStart('@')).Where(i => i.Length >= 3 && i != SubjectEraser.ErasedText);
            if (identifiers.Any(i => reason.Contains(i, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException(
                    $"The reason names contact {contact.Id} (their handle, name or network id). The reason is kept in the audit trail for good, " +
                    "so it must not identify the person: give a case or ticket number instead, for example \"GDPR request 2026-117\".");
            }
        }
    }
}
