using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>A field's label as the first words of an error message: "Ends on", not "Ends on (optional) must be a real date".</summary>
public static class FieldLabel
{
    public static string Of(ModelMetadata metadata, string fallback) =>
        (metadata.DisplayName ?? metadata.PropertyName ?? fallback).Replace(" (optional)", "", StringComparison.Ordinal);
}
