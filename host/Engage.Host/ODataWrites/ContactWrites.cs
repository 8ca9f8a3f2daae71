using Engage.OData.Writes;
using FluentValidation;

namespace Engage.Host.ODataWrites;

/// <summary>Contacts: people set IsCustomer and Tags (a comma-separated list); a sync never overwrites them.</summary>
internal sealed class ContactWrites : WriteRules
{
    public ContactWrites()
    {
        OptionalText("Tags", 1000);
        Text("Tags").Must(v => v is null || v.Split(',').All(tag => tag.Trim().Length is > 0 and <= 50))
            .WithMessage("'Tags' must be a comma-separated list of tags of 1 to 50 characters, or null.");
    }

    public WritePolicy Policy(WritePolicy shape) => shape with { Validate = ApplyAsync };
}
