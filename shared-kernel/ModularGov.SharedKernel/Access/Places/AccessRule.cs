namespace ModularGov.SharedKernel.Access.Places;

/// <summary>An endpoint's declared access rule, read by its place group's filter and by the architecture tests.</summary>
public interface IAccessRule
{
    /// <summary>Who may call, in words shown in a refusal and in the security documentation.</summary>
    string Says { get; }

    Type PlaceType { get; }
}

/// <summary>
/// Who may call an endpoint on a place: declared once, by name, beside the module's other rules, and attached to the
/// endpoint with <see cref="PlaceGroups.Allow{TPlace}"/>.
/// </summary>
public sealed class AccessRule<TPlace>(string says, Func<AccessIdentity, TPlace, bool> allows) : IAccessRule
    where TPlace : class, IPlace<TPlace>
{
    public string Says => says;

    public Type PlaceType => typeof(TPlace);

    public bool Allows(AccessIdentity caller, TPlace place) => allows(caller, place);

    public override string ToString() => says;
}
