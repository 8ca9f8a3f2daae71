namespace Engage.Host.Operator;

/// <summary>
/// The command line of a verb: its positional arguments, its own options (<c>--to DIR</c>, <c>--force</c>), and the
/// configuration arguments every verb accepts like the server does (<c>--contentRoot DIR</c>, <c>--Engage:DataPath=DIR</c>).
/// </summary>
/// Other allowed options take a value and land in <see cref="Options"/> (<c>--name N</c>, <c>--role R</c>).
internal sealed record VerbArguments(
    IReadOnlyList<string> Positional, string? To, bool Force, string? ContentRoot, IReadOnlyList<string> Configuration, IReadOnlyDictionary<string, string> Options)
{
    public static VerbArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> allowedOptions)
    {
        var positional = new List<string>();
        var configuration = new List<string>();
        string? to = null;
        string? contentRoot = null;
        var force = false;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            string Value()
            {
                if (equals >= 0)
                {
                    return arg[(equals + 1)..];
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new OperatorException(OperatorException.Usage, $"--{name} needs a value.");
                }

                return args[++i];
            }

            if (name.Contains(':', StringComparison.Ordinal))
            {
                configuration.Add($"--{name}={Value()}");
            }
            else if (name.Equals("contentRoot", StringComparison.OrdinalIgnoreCase))
            {
                contentRoot = Value();
            }
            else if (name == "to" && allowedOptions.Contains(name))
            {
                to = Value();
            }
            else if (name == "force" && allowedOptions.Contains(name) && equals < 0)
            {
                force = true;
            }
            else if (name is not ("to" or "force") && allowedOptions.Contains(name))
            {
                if (!options.TryAdd(name, Value()))
                {
                    throw new OperatorException(OperatorException.Usage, $"--{name} was given twice.");
                }
            }
            else
            {
                throw new OperatorException(OperatorException.Usage, $"Unknown option {arg}.");
            }
        }

        if (to is { Length: 0 } || contentRoot is { Length: 0 })
        {
            throw new OperatorException(OperatorException.Usage, "A folder option was given an empty value.");
        }

        return new VerbArguments(positional, to, force, contentRoot, configuration, options);
    }
}
