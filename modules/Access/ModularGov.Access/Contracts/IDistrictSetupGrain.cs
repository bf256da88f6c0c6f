namespace ModularGov.Access.Contracts;

/// <summary>Remembers whether this district's first start (which issues the first admin token) has happened.</summary>
[Alias("ModularGov.Access.IDistrictSetupGrain")]
public interface IDistrictSetupGrain : IGrainWithStringKey
{
    public const string Key = "district";

    [Alias("IsInitialized")]
    Task<bool> IsInitializedAsync();

    [Alias("MarkInitialized")]
    Task MarkInitializedAsync();
}
