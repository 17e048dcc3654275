using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// The GOV.UK date input, bound to a <see cref="DateOnly"/> or <see cref="DateOnly"/>? through
/// <see cref="DateOnlyModelBinder"/>, or to the <see cref="DateParts"/> as typed: <c>&lt;govuk-date-input for="Input.DateOfBirth" hint="For example, 27 3 2015" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : FieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var date = For.Model as DateOnly?;
        var typed = For.Model as DateParts;
        string? Part(string part, Func<DateOnly, int> fromDate) =>
            Html.AttemptedValue(ViewContext, $"{Name}.{part}")
            ?? (date is { } d ? fromDate(d).ToString(CultureInfo.InvariantCulture) : null)
            ?? typed?.Part(part);

        string Item(string part, string id, string label, string? value, string width, string autocomplete) =>
            $"""<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{id}">{label}</label><input class="govuk-input govuk-date-input__input {width}{(error is null ? "" : " govuk-input--error")}" id="{id}" name="{Name}.{part}" type="text" inputmode="numeric"{Html.Attribute("value", value)}{Html.Attribute("autocomplete", autocomplete)}></div></div>""";

        var birthday = For.Metadata.PropertyName?.Contains("Birth", StringComparison.Ordinal) == true;
        var html = FormGroupStart(error)
            + $"""<fieldset class="govuk-fieldset" role="group"{Html.DescribedBy(Id, Hint, error)}>"""
            + LegendHtml() + Html.Hint(Id, Hint) + (error is null ? "" : Html.ErrorMessage(Id, error))
            + $"""<div class="govuk-date-input" id="{Id}-input">"""
            + Item("Day", Id, "Day", Part("Day", d => d.Day), "govuk-input--width-2", birthday ? "bday-day" : "off")
            + Item("Month", $"{Id}-month", "Month", Part("Month", d => d.Month), "govuk-input--width-2", birthday ? "bday-month" : "off")
            + Item("Year", $"{Id}-year", "Year", Part("Year", d => d.Year), "govuk-input--width-4", birthday ? "bday-year" : "off")
            + "</div></fieldset></div>";
        Html.Replace(output, html);
    }
}
