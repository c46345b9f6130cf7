# Answers, for each JSON line [requirements, version] on stdin, RubyGems' verdict on one line of stdout:
# "invalid" when Gem::Requirement.new(*requirements.split(",", -1)) raises, else satisfied_by?(Gem::Version.new(v)).
# The first output line is the RubyGems version used.
require 'json'
out = [Gem::VERSION]
STDIN.each_line do |line|
  req, version = JSON.parse(line)
  begin
    parts = req.empty? ? [""] : req.split(",", -1) # Ruby splits "" into no parts at all
    r = Gem::Requirement.new(*parts)
  rescue StandardError
    out << "invalid"
    next
  end
  out << r.satisfied_by?(Gem::Version.new(version)).to_s
end
STDOUT.write(out.join("\n") + "\n")
