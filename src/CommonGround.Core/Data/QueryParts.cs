using System.Linq.Expressions;
using System.Reflection;

namespace CommonGround.Core.Data;

/// <summary>
/// Lets a rule written once as an expression (who is related to a child, what a signed-in person is) be written into a
/// query that EF Core compiles once, where a method returning an expression cannot be called. Inside a query given to
/// <see cref="Inline{T1, TResult}"/>, <c>rule.Apply(a, b)</c> stands for the rule's body with <c>a</c> and <c>b</c> in
/// place of its parameters; the rule is read from a static field or property when the query is made.
/// </summary>
public static class QueryParts
{
    public static TResult Apply<T1, TResult>(this Expression<Func<T1, TResult>> rule, T1 first) =>
        throw new InvalidOperationException("A rule is applied only inside a query given to QueryParts.Inline.");

    public static TResult Apply<T1, T2, TResult>(this Expression<Func<T1, T2, TResult>> rule, T1 first, T2 second) =>
        throw new InvalidOperationException("A rule is applied only inside a query given to QueryParts.Inline.");

    public static TResult Apply<T1, T2, T3, TResult>(this Expression<Func<T1, T2, T3, TResult>> rule, T1 first, T2 second, T3 third) =>
        throw new InvalidOperationException("A rule is applied only inside a query given to QueryParts.Inline.");

    /// <summary>The query with every <c>Apply</c> replaced by the rule it names.</summary>
    public static Expression<Func<T1, TResult>> Inline<T1, TResult>(Expression<Func<T1, TResult>> query) => Inlined(query);

    /// <inheritdoc cref="Inline{T1, TResult}"/>
    public static Expression<Func<T1, T2, TResult>> Inline<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> query) => Inlined(query);

    /// <inheritdoc cref="Inline{T1, TResult}"/>
    public static Expression<Func<T1, T2, T3, TResult>> Inline<T1, T2, T3, TResult>(Expression<Func<T1, T2, T3, TResult>> query) => Inlined(query);

    private static T Inlined<T>(T query) where T : LambdaExpression => (T)new Inliner().Visit(query);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression call)
        {
            if (call.Method.DeclaringType != typeof(QueryParts) || call.Method.Name != nameof(Apply))
            {
                return base.VisitMethodCall(call);
            }

            var rule = RuleIn(call.Arguments[0]);
            var arguments = call.Arguments.Skip(1).Select(Visit).ToList();
            var body = new Replacer(rule.Parameters.Zip(arguments!).ToDictionary(p => p.First, p => p.Second!)).Visit(rule.Body);
            // A rule may apply another.
            return Visit(body);
        }

        private static LambdaExpression RuleIn(Expression expression) => expression switch
        {
            MemberExpression { Expression: null, Member: FieldInfo field } => (LambdaExpression)field.GetValue(null)!,
            MemberExpression { Expression: null, Member: PropertyInfo property } => (LambdaExpression)property.GetValue(null)!,
            _ => throw new InvalidOperationException($"A rule applied in a query must be a static field or property, not {expression}."),
        };
    }

    private sealed class Replacer(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }
}
