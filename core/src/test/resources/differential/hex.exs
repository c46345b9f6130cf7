# Answers V/C lines (see README.md) with Elixir's Version.parse/1 and Version.compare/2.
parse = fn v -> Version.parse(v) end

IO.stream(:stdio, :line)
|> Enum.each(fn line ->
  case line |> String.trim_trailing("\n") |> String.split("\t") do
    ["V", v] ->
      IO.puts(if match?({:ok, _}, parse.(v)), do: "valid", else: "invalid")

    ["C", a, b] ->
      case {parse.(a), parse.(b)} do
        {{:ok, x}, {:ok, y}} ->
          IO.puts(
            case Version.compare(x, y) do
              :lt -> "-1"
              :eq -> "0"
              :gt -> "1"
            end
          )

        _ ->
          IO.puts("invalid")
      end
  end
end)
