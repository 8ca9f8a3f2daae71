using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Engage.Host.Plugins.Loading;

/// <summary>Reads which Engage.Sdk version an assembly was compiled against, without loading it.</summary>
internal static class SdkReferenceReader
{
    public static Version? ReadSdkReference(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"'{Path.GetFileName(assemblyPath)}' is not a .NET assembly.");
        }

        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            if (reader.GetString(reference.Name) == "Engage.Sdk")
            {
                return reference.Version;
            }
        }

        return null;
    }
}
