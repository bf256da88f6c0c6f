using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ModularGov.SharedKernel.Plugins;

namespace ModularGov.Host.Plugins;

/// <summary>
/// Reads a plugin's manifest straight from its metadata tables, so nothing in the plugin runs (and none of
/// its dependencies need resolving) before the manifest has been checked.
/// </summary>
internal static class ManifestReader
{
    private static readonly string AttributeNamespace = typeof(StreetPluginAttribute).Namespace!;
    private const string AttributeName = nameof(StreetPluginAttribute);

    /// <summary>The manifest, or null with the reason why the file is not a street plugin.</summary>
    public static (PluginManifest? Manifest, string? Error) Read(string dllPath)
    {
        try
        {
            using var stream = File.OpenRead(dllPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
                return (null, "the file is not a .NET assembly");
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (!IsStreetPluginAttribute(metadata, attribute))
                    continue;
                var value = attribute.DecodeValue(new ArgumentTypes());
                var args = value.FixedArguments;
                if (args.Length != 5)
                    return (null, "the StreetPlugin manifest has an unexpected shape");
                return (new PluginManifest(
                    (string?)args[0].Value ?? "",
                    (string?)args[1].Value ?? "",
                    (string?)args[2].Value ?? "",
                    (string?)args[3].Value ?? "",
                    (int)args[4].Value!), null);
            }
            return (null, "the assembly carries no [assembly: StreetPlugin(...)] manifest");
        }
        catch (BadImageFormatException)
        {
            return (null, "the file is not a .NET assembly");
        }
    }

    private static bool IsStreetPluginAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
            return false;
        var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (constructor.Parent.Kind != HandleKind.TypeReference)
            return false;
        var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
        return metadata.StringComparer.Equals(type.Name, AttributeName)
            && metadata.StringComparer.Equals(type.Namespace, AttributeNamespace);
    }

    /// <summary>The manifest's arguments are strings and an int; any other type is reported as unsupported.</summary>
    private sealed class ArgumentTypes : ICustomAttributeTypeProvider<Type>
    {
        public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.String => typeof(string),
            PrimitiveTypeCode.Int32 => typeof(int),
            _ => throw new BadImageFormatException($"unsupported manifest argument type {typeCode}"),
        };

        public Type GetSystemType() => typeof(Type);
        public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();
        public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromSerializedName(string name) => typeof(object);
        public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(Type type) => type == typeof(Type);
    }
}
