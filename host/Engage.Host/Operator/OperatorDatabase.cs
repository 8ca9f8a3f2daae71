using Engage.Host.Store;

namespace Engage.Host.Operator;

/// <summary>The database a verb works on: the one the server uses, which must already exist.</summary>
internal static class OperatorDatabase
{
    public static EngageDatabase Existing(OperatorSettings settings, string what)
    {
        if (!File.Exists(settings.Paths.Database))
        {
            throw new OperatorException(OperatorException.Refused,
                $"There is no database at {settings.Paths.Database}, so there is nothing to {what}. Check Engage:DataPath in appsettings.json (or --Engage:DataPath=...), or start the server once to create it.");
        }

        return new EngageDatabase(settings.Paths.Database);
    }
}
