namespace ModularGov.SharedKernel.Privacy;

/// <summary>One line of the key file: the algorithm, the id sealed values name it by, and the key itself.</summary>
internal sealed record FieldKey(string Algorithm, string Id, byte[] Material)
{
    /// <summary>Never the material, whatever logs or prints a key.</summary>
    public override string ToString() => $"{Algorithm} {Id}";
}
