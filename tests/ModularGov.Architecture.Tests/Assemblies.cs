using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Architecture.Tests;

/// <summary>One compiled assembly of the solution, read from its metadata (nothing is loaded or run).</summary>
internal sealed record AssemblyFacts(string Name, string Path, IReadOnlyList<string> References, IReadOnlyList<TypeReferenceFact> TypeReferences, IReadOnlyList<TypeFact> Types);

internal sealed record TypeReferenceFact(string Assembly, string Namespace, string Name);

internal sealed record TypeFact(string Namespace, string Name, bool IsPublic, string BaseType, IReadOnlyList<AttributeFact> Attributes, IReadOnlyList<string> Interfaces);

/// <summary>An attribute on a type, with its first argument when that is a string.</summary>
internal sealed record AttributeFact(string Name, string? FirstString);

/// <summary>The solution's production assemblies, found from the repository layout.</summary>
internal static class Assemblies
{
    private static readonly string Bin = AppContext.BaseDirectory;

    public static AssemblyFacts Kernel => Read(System.IO.Path.Combine(Bin, "ModularGov.SharedKernel.dll"));

    public static AssemblyFacts Host => Read(System.IO.Path.Combine(Bin, "ModularGov.Host.dll"));

    /// <summary>Every module project under modules/&lt;Module&gt;/ModularGov.&lt;Module&gt;/.</summary>
    public static IReadOnlyList<AssemblyFacts> Modules =>
        Directory.GetDirectories(System.IO.Path.Combine(RepoPaths.Root, "modules"))
            .SelectMany(Directory.GetDirectories)
            .Select(System.IO.Path.GetFileName)
            .Where(name => name!.StartsWith("ModularGov.", StringComparison.Ordinal) && !name.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(name => Read(System.IO.Path.Combine(Bin, name + ".dll")))
            .ToList();

    /// <summary>Every bundled street, as built into the host's plugin folder.</summary>
    public static IReadOnlyList<AssemblyFacts> Streets =>
        Directory.GetDirectories(RepoPaths.BundledPlugins)
            .SelectMany(folder => Directory.GetFiles(folder, "ModularGov.Streets.*.dll"))
            .Select(Read)
            .ToList();

    public static bool IsOurs(string assembly) => assembly.StartsWith("ModularGov.", StringComparison.Ordinal);

    public static bool IsStreet(string assembly) => assembly.StartsWith("ModularGov.Streets.", StringComparison.Ordinal);

    public static AssemblyFacts Read(string path)
    {
        File.Exists(path).ShouldBeTrue($"{path} should have been built");
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        var typeReferences = md.TypeReferences
            .Select(h => md.GetTypeReference(h))
            .Where(t => t.ResolutionScope.Kind == HandleKind.AssemblyReference)
            .Select(t => new TypeReferenceFact(
                md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name),
                md.GetString(t.Namespace), md.GetString(t.Name)))
            .ToList();
        var types = md.TypeDefinitions
            .Select(h => md.GetTypeDefinition(h))
            .Where(t => t.GetDeclaringType().IsNil) // nested types are no wider than the type that holds them
            .Select(t => new TypeFact(
                md.GetString(t.Namespace),
                md.GetString(t.Name),
                (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public,
                t.BaseType.IsNil ? "" : TypeName(md, t.BaseType),
                t.GetCustomAttributes().Select(a => Attribute(md, md.GetCustomAttribute(a))).ToList(),
                t.GetInterfaceImplementations().Select(i => TypeName(md, md.GetInterfaceImplementation(i).Interface)).ToList()))
            .Where(t => t.Name != "<Module>")
            .ToList();
        return new AssemblyFacts(md.GetString(md.GetAssemblyDefinition().Name), path, references, typeReferences, types);
    }

    private static AttributeFact Attribute(MetadataReader md, CustomAttribute attribute)
    {
        var value = md.GetBlobReader(attribute.Value);
        string? first = null;
        if (value.Length > 2 && value.ReadUInt16() == 1) // prolog; a string argument follows as a SerString
        {
            try
            {
                first = value.ReadSerializedString();
            }
            catch (BadImageFormatException)
            {
                first = null; // the first argument is not a string
            }
        }
        return new AttributeFact(AttributeName(md, attribute), first);
    }

    private static string AttributeName(MetadataReader md, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MemberReference => TypeName(md, md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent),
        HandleKind.MethodDefinition => TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
        _ => "",
    };

    /// <summary>The open generic's name for an instantiation such as Grain&lt;TState&gt;.</summary>
    private static string GenericName(MetadataReader md, TypeSpecificationHandle handle)
    {
        var blob = md.GetBlobReader(md.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureHeader().RawValue != (byte)SignatureTypeCode.GenericTypeInstance)
            return "";
        blob.ReadCompressedInteger(); // class or value type
        return TypeName(md, blob.ReadTypeHandle());
    }

    private static string TypeName(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        HandleKind.TypeSpecification => GenericName(md, (TypeSpecificationHandle)handle),
        _ => "",
    };
}
