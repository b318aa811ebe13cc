// Language-feature attributes that netstandard2.0 lacks; internal, so they never leak to a host.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
