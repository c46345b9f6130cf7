# Answers V/C lines (see README.md) with RubyGems' Gem::Version.
STDOUT.sync = false
STDIN.each_line do |line|
  fields = line.chomp.split("\t", -1)
  if fields[0] == "V"
    puts(Gem::Version.correct?(fields[1]) ? "valid" : "invalid")
  elsif Gem::Version.correct?(fields[1]) && Gem::Version.correct?(fields[2])
    puts(Gem::Version.new(fields[1]) <=> Gem::Version.new(fields[2]))
  else
    puts "invalid"
  end
end
