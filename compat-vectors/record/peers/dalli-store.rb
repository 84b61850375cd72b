# dalli-store: store keys through the real Dalli client.
#
# Usage: ruby dalli-store.rb CONFIG_JSON   (keys on stdin, one per line; results on stdout)
#
# CONFIG_JSON: {"servers": ["host:port:weight", ...], "options": {"namespace": "app", ...}}
# The servers are given to Dalli::Client.new exactly as listed; options are passed as symbols.
# Output: one "# state ..." line, then one line per key: "STORED" or "REFUSED <error>".
# The value stored (raw) for the key on input line N (from 0) is "id:N".
require 'json'
require 'logger'
require 'dalli'

config = JSON.parse(ARGV.fetch(0))
options = (config['options'] || {}).transform_keys(&:to_sym)
Dalli.logger = Logger.new(IO::NULL)
client = Dalli::Client.new(config.fetch('servers'), options)
puts "# state dalli=#{Dalli::VERSION} ruby=#{RUBY_VERSION} servers=#{config['servers'].join(',')} " \
     "options=#{options}"
$stdout.flush

$stdin.set_encoding(Encoding::UTF_8)
$stdin.each_line.with_index do |line, id|
  key = line.chomp
  begin
    if client.set(key, "id:#{id}", 0, raw: true)
      puts 'STORED'
    else
      puts 'REFUSED set returned false'
    end
  rescue StandardError => e
    puts "REFUSED #{e.class}: #{e.message.lines.first&.strip}"
  end
end
client.close
