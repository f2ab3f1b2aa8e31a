import ArgumentParser
import NianbaoKit

extension OutputFormat: ExpressibleByArgument {}
