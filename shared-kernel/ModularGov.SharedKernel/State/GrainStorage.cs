namespace ModularGov.SharedKernel.State;

/// <summary>The grain storage every module persists to; which store backs it is host configuration.</summary>
public static class GrainStorage
{
    public const string Name = "modulargov";
}
